package org.exchangehub.hub.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.grant.ConsumerSystem;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.catalog.grant.ShareViews.Approval;
import org.exchangehub.catalog.grant.ShareViews.GrantView;
import org.exchangehub.catalog.grant.ShareViews.ShareHistoryRecord;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestDraft;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestView;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.hub.security.AppKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Consuming systems, share requests (共享申请) and grants (授权). */
@RestController
@RequestMapping("/api")
@Tag(name = "Sharing", description = "Consuming systems apply for published entries; providers grant, reject and revoke")
public class SharingController {

    private final SharingService sharing;
    private final ConsumerSystemService consumers;
    private final AppKeys appKeys;

    public SharingController(SharingService sharing, ConsumerSystemService consumers, AppKeys appKeys) {
        this.sharing = sharing;
        this.consumers = consumers;
        this.appKeys = appKeys;
    }

    /** A decision's reason. */
    public record Reason(String reason) {
    }

    @PutMapping("/consumer-systems/{id}")
    @Operation(summary = "Admin: register a consuming system and the OAuth2 client its tokens carry")
    public ConsumerSystem register(Actor actor, @PathVariable String id, @RequestBody ConsumerSystem body) {
        return consumers.save(actor, new ConsumerSystem(id, body.name(), body.departmentCode(), body.clientId()));
    }

    /** A new app key and secret; the secret is shown this once and stored only encrypted. */
    public record IssuedAppKey(String appKey, String appSecret, String algorithm, String note) {
    }

    /** Which signature algorithm a legacy system will use. */
    public record AppKeyRequest(String algorithm) {
    }

    @PostMapping("/consumer-systems/{id}/app-key")
    @Operation(summary = "Admin: issue a legacy system an app key and secret for signed calls (replaces any earlier one)")
    public IssuedAppKey issueAppKey(Actor actor, @PathVariable String id, @RequestBody(required = false) AppKeyRequest request) {
        AppKeys.Issued issued = appKeys.issue(actor, id, request == null ? null : request.algorithm());
        return new IssuedAppKey(issued.appKey(), issued.appSecret(), issued.algorithm(),
                "The secret is shown only now; store it in the system's secret store");
    }

    @GetMapping("/consumer-systems")
    @Operation(summary = "Admin: the registered consuming systems")
    public List<ConsumerSystem> consumerSystems(Actor actor) {
        return consumers.list(actor);
    }

    @PostMapping("/catalog/entries/{prefix}/{sequence}/share-requests")
    @Operation(summary = "Consuming system: apply for a published entry; UNCONDITIONAL is granted at once, CONDITIONAL waits "
            + "for the provider, NOT_SHARED is refused with its legal basis")
    public ResponseEntity<ShareRequestView> apply(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                                                  @RequestBody ShareRequestDraft draft) {
        ShareRequestView view = sharing.apply(actor, prefix + "/" + sequence, draft);
        return ResponseEntity.created(URI.create("/api/share-requests/" + view.id())).body(view);
    }

    @GetMapping("/share-requests")
    @Operation(summary = "Requests you may see: your system's, or your department's entries' (reviewers), or all (admins)")
    public List<ShareRequestView> requests(Actor actor, @RequestParam(required = false) String status) {
        return sharing.requests(actor, status);
    }

    @GetMapping("/share-requests/{id}")
    public ShareRequestView request(Actor actor, @PathVariable long id) {
        return sharing.request(actor, id);
    }

    @GetMapping("/share-requests/{id}/history")
    public List<ShareHistoryRecord> history(Actor actor, @PathVariable long id) {
        return sharing.history(actor, id);
    }

    @PostMapping("/share-requests/{id}/approve")
    @Operation(summary = "Provider department's reviewer: approve, optionally narrowing items, setting validity and quota")
    public ShareRequestView approve(Actor actor, @PathVariable long id, @RequestBody(required = false) Approval approval) {
        return sharing.approve(actor, id, approval);
    }

    @PostMapping("/share-requests/{id}/reject")
    @Operation(summary = "Provider department's reviewer: reject with a reason")
    public ShareRequestView reject(Actor actor, @PathVariable long id, @RequestBody(required = false) Reason reason) {
        return sharing.reject(actor, id, reason == null ? null : reason.reason());
    }

    @GetMapping("/grants")
    public List<GrantView> grants(Actor actor) {
        return sharing.grants(actor);
    }

    @GetMapping("/grants/{id}")
    public GrantView grant(Actor actor, @PathVariable long id) {
        return sharing.grant(actor, id);
    }

    @PostMapping("/grants/{id}/revoke")
    @Operation(summary = "Provider department's reviewer: revoke a grant with a reason")
    public GrantView revoke(Actor actor, @PathVariable long id, @RequestBody(required = false) Reason reason) {
        return sharing.revoke(actor, id, reason == null ? null : reason.reason());
    }
}
