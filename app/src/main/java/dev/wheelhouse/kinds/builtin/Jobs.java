package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import java.time.Duration;
import java.time.Instant;

/** Jobs: Status, Completions, Duration, as {@code kubectl get jobs}. */
public final class Jobs {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("batch", "v1", "jobs", "Job").namespaced()
            .category(Category.WORKLOADS)
            .column("Status", Jobs::status)
            .column("Completions", Jobs::completions)
            .column("Duration", Jobs::duration)
            .age()
            .health(o -> switch (status(o)) {
                case "Complete" -> Health.NEUTRAL;
                case "Failed" -> Health.BAD;
                default -> Health.PROGRESSING;
            })
            .owns("Pod")
            .learning("job")
            .build();

    private Jobs() {
    }

    static String status(KubeObject job) {
        for (String condition : new String[] {"Complete", "Failed", "Suspended", "FailureTarget", "SuccessCriteriaMet"}) {
            if ("True".equals(Cells.condition(job, condition))) {
                return condition;
            }
        }
        return job.string("metadata.deletionTimestamp").isEmpty() ? "Running" : "Terminating";
    }

    static String completions(KubeObject job) {
        long succeeded = job.number("status.succeeded", 0);
        if (job.path("spec.completions").isPresent()) {
            return succeeded + "/" + job.number("spec.completions", 1);
        }
        long parallelism = job.number("spec.parallelism", 1);
        return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
    }

    static String duration(KubeObject job) {
        String start = job.string("status.startTime");
        if (start.isEmpty()) {
            return "";
        }
        String end = job.string("status.completionTime");
        return Cells.age(Duration.between(Instant.parse(start), end.isEmpty() ? Instant.now() : Instant.parse(end)));
    }
}
