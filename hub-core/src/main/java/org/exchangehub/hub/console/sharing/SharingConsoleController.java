package org.exchangehub.hub.console.sharing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryStatus;
import org.exchangehub.catalog.entry.EntryViews.CatalogEntryView;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.catalog.grant.ShareViews.Approval;
import org.exchangehub.catalog.grant.ShareViews.GrantView;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestDraft;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestView;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.hub.console.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Share requests and grants in the console: a department's editor applies on behalf of one of the consuming systems
 * her department runs; the provider department's reviewers decide in their queue and revoke grants. Who may see and
 * do what is the registry's rule ({@link SharingService}); the pages only leave out the actions a user may not take.
 */
@Controller
public class SharingConsoleController {

    private final SharingService sharing;
    private final ConsumerSystemService consumers;
    private final EntryService entries;

    public SharingConsoleController(SharingService sharing, ConsumerSystemService consumers, EntryService entries) {
        this.sharing = sharing;
        this.consumers = consumers;
        this.entries = entries;
    }

    @GetMapping({"/console/sharing", "/console/sharing/"})
    String overview(Actor actor, @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                    @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String dir, Model model) {
        ConsolePage.Request r = ConsolePage.Request.of(page, size, sort, dir, SharingService.REQUEST_SORTS, "requestedAt", false);
        PageResult<ShareRequestView> found = sharing.requests(actor, status, false, r.sort(), r.ascending(), r.page(), r.size());
        model.addAttribute("requests", r.of(found.items(), found.total()));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("systems", consumers.applicableBy(actor));
        return "console/sharing/overview";
    }

    @GetMapping("/console/sharing/apply")
    String applyForm(Actor actor, @RequestParam(required = false) String entry, Model model) {
        return form(actor, entry, new ApplyForm(null, null, null, List.of(), List.of(), null), List.of(), model);
    }

    /** What the apply form sends back: kept as typed so that a refused form shows the user's own input again. */
    public record ApplyForm(String consumerSystemId, String purpose, String legalBasis, List<String> dataItems,
                            List<String> unmaskedItems, String expectedDailyVolume) {
    }

    @PostMapping("/console/sharing/apply")
    String apply(Actor actor, @RequestParam String entry, @RequestParam(required = false) String consumerSystemId,
                 @RequestParam(required = false) String purpose, @RequestParam(required = false) String legalBasis,
                 @RequestParam(required = false) List<String> dataItems, @RequestParam(required = false) List<String> unmaskedItems,
                 @RequestParam(required = false) String expectedDailyVolume, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        ApplyForm form = new ApplyForm(consumerSystemId, purpose, legalBasis, dataItems == null ? List.of() : dataItems,
                unmaskedItems == null ? List.of() : unmaskedItems, expectedDailyVolume);
        List<FieldProblem> problems = new ArrayList<>();
        Integer volume = integer(expectedDailyVolume, "expectedDailyVolume", problems);
        try {
            if (!problems.isEmpty()) {
                throw RegistryException.invalid(problems);
            }
            ShareRequestView applied = sharing.apply(actor, consumerSystemId, entry,
                    new ShareRequestDraft(purpose, legalBasis, form.dataItems(), form.unmaskedItems(), volume));
            redirect.addFlashAttribute("applied", applied);
            return "redirect:/console/sharing";
        } catch (RegistryException e) {
            if (e.fieldProblems().isEmpty()) {
                model.addAttribute("formError", e.getMessage());
            }
            response.setStatus(e.code().httpStatus());
            return form(actor, entry, form, e.fieldProblems(), model);
        }
    }

    private String form(Actor actor, String resourceCode, ApplyForm form, List<FieldProblem> problems, Model model) {
        if (resourceCode == null || resourceCode.isBlank()) {
            throw RegistryException.invalid(List.of(new FieldProblem("entry", "the resource code of a published entry, e.g. ?entry=…")));
        }
        CatalogEntryView entry = entries.view(actor, resourceCode.strip());
        if (entry.status() != EntryStatus.PUBLISHED || entry.published() == null) {
            throw new RegistryException(org.exchangehub.catalog.ErrorCode.INVALID_STATE,
                    "Entry " + resourceCode + " is " + entry.status() + "; only published entries can be applied for");
        }
        model.addAttribute("entry", entry);
        model.addAttribute("entryContent", entry.published().content());
        model.addAttribute("systems", consumers.applicableBy(actor));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "console/sharing/apply";
    }

    @GetMapping("/console/sharing/approvals")
    String approvals(Actor actor, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        ConsolePage.Request r = ConsolePage.Request.of(page, size, sort, dir, SharingService.REQUEST_SORTS, "requestedAt", true);
        PageResult<ShareRequestView> found = sharing.requests(actor, "PENDING", true, r.sort(), r.ascending(), r.page(), r.size());
        model.addAttribute("requests", r.of(found.items(), found.total()));
        model.addAttribute("defaultValidUntil", BureauCalendar.today().plusYears(1));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "console/sharing/approvals";
    }

    @PostMapping("/console/sharing/requests/{id}/approve")
    String approve(Actor actor, @PathVariable long id, @RequestParam(required = false) List<String> dataItems,
                   @RequestParam(required = false) String validUntil, @RequestParam(required = false) String callsPerDay,
                   @RequestParam(required = false) String callsPerSecond, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String back, RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer perDay = integer(callsPerDay, "callsPerDay", problems);
        Integer perSecond = integer(callsPerSecond, "callsPerSecond", problems);
        OffsetDateTime until = endOfDay(validUntil, problems);
        try {
            if (!problems.isEmpty()) {
                throw RegistryException.invalid(problems);
            }
            ShareRequestView approved = sharing.approve(actor, id, new Approval(reason, until, perDay, perSecond,
                    dataItems == null || dataItems.isEmpty() ? null : dataItems, null));
            redirect.addFlashAttribute("approved", approved);
        } catch (RegistryException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            refused(redirect, id, "approve", e, java.util.Map.of("validUntil", validUntil == null ? "" : validUntil,
                    "callsPerDay", callsPerDay == null ? "" : callsPerDay, "callsPerSecond", callsPerSecond == null ? "" : callsPerSecond,
                    "reason", reason == null ? "" : reason));
        }
        return backTo(back, "/console/sharing/approvals");
    }

    @PostMapping("/console/sharing/requests/{id}/reject")
    String reject(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            ShareRequestView rejected = sharing.reject(actor, id, reason);
            redirect.addFlashAttribute("rejected", rejected);
        } catch (RegistryException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            refused(redirect, id, "reject", e, java.util.Map.of("reason", reason == null ? "" : reason));
        }
        return backTo(back, "/console/sharing/approvals");
    }

    @GetMapping("/console/sharing/grants")
    String grants(Actor actor, @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String dir, Model model) {
        ConsolePage.Request r = ConsolePage.Request.of(page, size, sort, dir, SharingService.GRANT_SORTS, "grantedAt", false);
        PageResult<GrantView> found = sharing.grants(actor, status, r.sort(), r.ascending(), r.page(), r.size());
        model.addAttribute("grants", r.of(found.items(), found.total()));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("now", OffsetDateTime.now());
        model.addAttribute("decider", new Decider(sharing, actor));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "console/sharing/grants";
    }

    /** Whether the signed-in user may revoke a grant of a provider department (the template asks per row). */
    public record Decider(SharingService sharing, Actor actor) {
        public boolean mayDecide(String providerDepartment) {
            return sharing.mayDecide(actor, providerDepartment);
        }
    }

    @PostMapping("/console/sharing/grants/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("revoked", sharing.revoke(actor, id, reason));
        } catch (RegistryException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            refused(redirect, id, "revoke", e, java.util.Map.of("reason", reason == null ? "" : reason));
        }
        return backTo(back, "/console/sharing/grants");
    }

    /** Back to the same page, sort and filter; only an address of that page is followed, never another site's. */
    private static String backTo(String back, String page) {
        boolean samePage = back != null && (back.equals(page) || back.startsWith(page + "?"));
        return "redirect:" + (samePage ? back : page);
    }

    private static void refused(RedirectAttributes redirect, long id, String action, RegistryException e,
                                java.util.Map<String, String> values) {
        redirect.addFlashAttribute("problems", e.fieldProblems());
        redirect.addFlashAttribute("failedId", id);
        redirect.addFlashAttribute("failedAction", action);
        redirect.addFlashAttribute("submitted", values);
    }

    private static Integer integer(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "expected a whole number, got '" + value.strip() + "'"));
            return null;
        }
    }

    /** A grant valid "until 2027-06-30" is valid through that day in Asia/Shanghai. */
    private static OffsetDateTime endOfDay(String date, List<FieldProblem> problems) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).plusDays(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime().minusSeconds(1);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new FieldProblem("validUntil", "expected a date as yyyy-MM-dd, got '" + date.strip() + "'"));
            return null;
        }
    }
}
