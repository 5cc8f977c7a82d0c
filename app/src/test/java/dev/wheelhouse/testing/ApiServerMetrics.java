package dev.wheelhouse.testing;

import java.util.Map;

/** The sandbox API server's own counters and gauges, read from its /metrics with the admin kubeconfig. */
public final class ApiServerMetrics {
    private ApiServerMetrics() {
    }

    /** The sum of a metric over every series whose labels include all of {@code labels}. */
    public static double sum(String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : Sandbox.kubectl("get", "--raw", "/metrics").split("\n")) {
            if (!line.startsWith(metric + "{")) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf('}') + 1);
            if (labels.entrySet().stream().allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
