package org.exchangehub.catalog.grant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What callers send and get back about share requests and grants. */
public final class ShareViews {

    private ShareViews() {
    }

    /**
     * A consumer's application for a published entry.
     *
     * @param dataItems     the data items wanted, by name (or machine code)
     * @param unmaskedItems sensitive items among them wanted unmasked; these always need the provider's approval
     */
    public record ShareRequestDraft(String purpose, String legalBasis, List<String> dataItems, List<String> unmaskedItems,
                                    Integer expectedDailyVolume) {
    }

    /**
     * A provider's approval; every field is optional. Data items may narrow what was requested. Defaults: valid
     * for a year, {@code max(1000, 2 × expected daily volume)} calls a day, 10 a second.
     */
    public record Approval(String reason, OffsetDateTime validUntil, Integer callsPerDay, Integer callsPerSecond,
                           List<String> dataItems, List<String> unmaskedItems) {
    }

    public enum RequestStatus { PENDING, APPROVED, REJECTED, REFUSED }

    public enum GrantStatus { ACTIVE, REVOKED }

    /** A share request, with the names a person reads (entry, provider department, consuming system) beside the codes. */
    public record ShareRequestView(long id, String resourceCode, String entryName, String providerDepartmentCode,
                                   String providerDepartmentName, String consumerSystemId, String consumerSystemName,
                                   String purpose, String legalBasis, List<String> dataItems, List<String> unmaskedItems,
                                   Integer expectedDailyVolume, RequestStatus status,
                                   String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
                                   String decisionReason, Long grantId) {
    }

    /**
     * A grant: which data items a consumer may call, unmasked ones among them, for how long and how often; with the
     * names a person reads beside the codes.
     */
    public record GrantView(long id, long shareRequestId, String resourceCode, String entryName, String providerDepartmentCode,
                            String providerDepartmentName, String consumerSystemId, String consumerSystemName,
                            List<String> dataItems, List<String> unmaskedItems,
                            OffsetDateTime validFrom, OffsetDateTime validUntil, int callsPerDay, int callsPerSecond,
                            GrantStatus status, String grantedBy, OffsetDateTime grantedAt, String revokedBy,
                            OffsetDateTime revokedAt, String revokeReason) {
    }

    public record ShareHistoryRecord(String action, String actor, OffsetDateTime occurredAt, String reason, Long grantId,
                                     Map<String, Object> details) {
    }
}
