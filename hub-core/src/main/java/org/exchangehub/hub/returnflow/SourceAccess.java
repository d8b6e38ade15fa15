package org.exchangehub.hub.returnflow;

import java.util.List;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.returnflow.source.CaseSource;
import org.exchangehub.returnflow.source.CaseSources;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a source's records: admins everything; a source itself (a token whose client is among the
 * source's {@code client-ids}) and the editors of its department post records and manifests and read its failures;
 * the overall views are for admins.
 */
@Component
public class SourceAccess {

    private final CaseSources sources;

    public SourceAccess(CaseSources sources) {
        this.sources = sources;
    }

    public CaseSource requireSourceActor(Actor actor, String sourceId) {
        CaseSource source = sources.get(sourceId);
        if (actor.isAdmin()) {
            return source;
        }
        if (actor.clientId() != null && source.clientIds().contains(actor.clientId())) {
            return source;
        }
        if (source.departmentCode() != null && actor.mayEditFor(source.departmentCode())) {
            return source;
        }
        throw RegistryException.forbidden("Only admins, the source's own clients " + source.clientIds()
                + " and the editors of its department " + (source.departmentCode() == null ? "(none configured)" : source.departmentCode())
                + " may use source " + sourceId);
    }

    /**
     * The sources whose records the actor may read: every source for an admin, otherwise the sources of the
     * departments the actor edits for (a source's own client sees itself).
     */
    public List<CaseSource> visibleSources(Actor actor) {
        return sources.all().stream().filter(s -> actor.isAdmin()
                || (actor.clientId() != null && s.clientIds().contains(actor.clientId()))
                || (s.departmentCode() != null && actor.mayEditFor(s.departmentCode()))).toList();
    }

    public void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Only admins see the return flow of all sources");
        }
    }
}
