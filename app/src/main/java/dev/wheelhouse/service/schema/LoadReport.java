package dev.wheelhouse.service.schema;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link ClusterSchema} was loaded.
 *
 * @param documents   group-version documents in the schema
 * @param fetched     of those, how many came from the API server (the rest from the disk cache)
 * @param unavailable group-versions the server lists but whose documents could not be fetched
 */
public record LoadReport(int documents, int fetched, List<String> unavailable, Duration took) {
    public LoadReport {
        unavailable = List.copyOf(unavailable);
    }
}
