package org.exchangehub.hub.returnflow;

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

    public void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Only admins see the return flow of all sources");
        }
    }
}
