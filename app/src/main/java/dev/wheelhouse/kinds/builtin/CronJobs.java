package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import java.time.Duration;
import java.time.Instant;

/** CronJobs: Schedule, Suspend, Active, Last schedule, as {@code kubectl get cronjobs}. */
public final class CronJobs {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("batch", "v1", "cronjobs", "CronJob").namespaced()
            .category(Category.WORKLOADS)
            .column("Schedule", o -> o.string("spec.schedule"))
            .column("Timezone", o -> Cells.orNone(o.string("spec.timeZone")))
            .column("Suspend", o -> "true".equals(o.string("spec.suspend")) ? "True" : "False")
            .numberColumn("Active", o -> (long) o.list("status.active").size())
            .column("Last schedule", o -> o.string("status.lastScheduleTime").isEmpty() ? "<none>"
                    : Cells.age(Duration.between(Instant.parse(o.string("status.lastScheduleTime")), Instant.now())))
            .age()
            .health(o -> "true".equals(o.string("spec.suspend")) ? Health.NEUTRAL : Health.GOOD)
            .owns("Job")
            .learning("cronjob")
            .build();

    private CronJobs() {
    }
}
