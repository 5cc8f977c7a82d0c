package dev.wheelhouse.ui.app;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.model.ServerTable;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.common.Workspace;
import dev.wheelhouse.ui.switcher.Candidate;
import dev.wheelhouse.ui.switcher.SwitcherSources;
import dev.wheelhouse.ui.table.ResourceRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the quick switcher offers, from the features' state: contexts, namespaces, kinds and the
 * shown table's objects; and, when asked, the names of every built-in kind's objects in the
 * namespace shown (all namespaces if none), fetched once as the server's tables.
 */
final class SwitcherCandidates implements SwitcherSources {
    private final ClusterModel cluster;
    private final ResourceTableViewModel table;
    private final Workspace workspace;

    SwitcherCandidates(ClusterModel cluster, ResourceTableViewModel table, Workspace workspace) {
        this.cluster = cluster;
        this.table = table;
        this.workspace = workspace;
    }

    @Override
    public List<Candidate> loaded() {
        List<Candidate> all = new ArrayList<>();
        for (ContextInfo context : cluster.contexts().list()) {
            all.add(Candidate.context(context.name()));
        }
        if (cluster.sessionProperty().get() == null) {
            return all;
        }
        cluster.namespaces().forEach(ns -> all.add(Candidate.namespace(ns)));
        cluster.registry().builtIn().forEach(kind -> all.add(Candidate.kind(kind)));
        cluster.customKinds().forEach(kind -> all.add(Candidate.kind(kind)));
        KindDescriptor shown = table.kindProperty().get();
        for (ResourceRow row : table.rows()) {
            all.add(Candidate.object(shown, row.namespace(), row.name(), row.object()));
        }
        return all;
    }

    @Override
    public Optional<ObjectSearch> searchAllKinds() {
        ClusterSession session = cluster.sessionProperty().get();
        if (session == null) {
            return Optional.empty();
        }
        String namespace = workspace.placeProperty().get().namespace();
        List<KindDescriptor> kinds = cluster.registry().builtIn().stream().filter(k -> k != KindRegistry.EVENT).toList();
        return Optional.of(() -> {
            List<Candidate> found = new ArrayList<>();
            for (KindDescriptor kind : kinds) {
                try {
                    for (ServerTable.Row row : session.serverTable(kind.type(), namespace).rows()) {
                        found.add(Candidate.object(kind, row.namespace(), row.name(), null));
                    }
                } catch (ProblemException e) {
                    // A kind this user may not list (RBAC): the other kinds still answer.
                }
            }
            return found;
        });
    }
}
