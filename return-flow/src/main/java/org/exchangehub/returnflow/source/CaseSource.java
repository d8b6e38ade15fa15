package org.exchangehub.returnflow.source;

import java.util.Objects;
import java.util.Set;
import org.exchangehub.mapping.Mapper;
import org.exchangehub.mapping.MappingConfig;
import org.exchangehub.returnflow.quality.QualityProfile;

/**
 * One system sending case records back, as configured under {@code hub.return-flow.sources.<id>}.
 *
 * @param id             the source's id, the first half of every stored record's key
 * @param description    for people
 * @param channel        how it delivers
 * @param mapping        its mapping config (target {@code case-record}), compiled
 * @param departmentCode the department answering for it; its department editors may post and see its failures
 * @param clientIds      OAuth2 clients (the {@code azp} of their tokens) that may post for it
 * @param quality        the quality rules that apply to it
 */
public record CaseSource(String id, String description, Channel channel, MappingConfig mapping, String departmentCode,
                         Set<String> clientIds, QualityProfile quality) {

    public CaseSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(mapping, "mapping");
        clientIds = clientIds == null ? Set.of() : Set.copyOf(clientIds);
        quality = quality == null ? QualityProfile.DEFAULT : quality;
    }

    public Mapper mapper() {
        return mapping.mapper();
    }
}
