package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;

/** CronJobs: Jobs on a schedule; a suspended one (its printed Suspend cell) has nothing to judge. */
public final class CronJobs {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("batch", "v1", "cronjobs", "CronJob").namespaced()
            .category(Category.WORKLOADS)
            .health(o -> "True".equals(o.cell("Suspend")) ? Health.NEUTRAL : Health.GOOD)
            .owns("Job")
            .learning("cronjob")
            .build();

    private CronJobs() {
    }
}
