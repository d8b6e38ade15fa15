package org.exchangehub.hub.console.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.entry.EntryEnums;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryStatus;
import org.exchangehub.catalog.entry.EntryViews.CatalogEntryView;
import org.exchangehub.catalog.entry.EntryViews.HistoryRecord;
import org.exchangehub.catalog.entry.EntryViews.VersionView;
import org.exchangehub.catalog.mount.MountService;
import org.exchangehub.catalog.mount.MountedResource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One catalogue entry: its detail (metadata, data items, mounts with health, history), the create and edit form with
 * the registry's field problems beside their inputs, and the lifecycle steps (submit, retire, approve, reject). A
 * resource code such as {@code 3-01-02/000001} appears in paths as its two halves, as in the API. What a user may do
 * is decided by {@link EntryService}; the page offers only the steps it would allow.
 */
@Controller
public class CatalogEntryController {

    static final String ENTRY = "/console/catalog/entries/{prefix}/{sequence}";

    private final EntryService entries;
    private final MountService mounts;
    private final DepartmentService departments;
    private final MessageSource messages;

    public CatalogEntryController(EntryService entries, MountService mounts, DepartmentService departments,
                                  MessageSource messages) {
        this.messages = messages;
        this.entries = entries;
        this.mounts = mounts;
        this.departments = departments;
    }

    @GetMapping(ENTRY)
    String detail(Actor actor, @PathVariable String prefix, @PathVariable String sequence, Model model) {
        String code = prefix + "/" + sequence;
        CatalogEntryView view = entries.view(actor, code);
        showEntry(actor, view, model);
        return "console/catalog/entry";
    }

    private void showEntry(Actor actor, CatalogEntryView view, Model model) {
        @SuppressWarnings("unchecked")
        List<FieldProblem> flashed = (List<FieldProblem>) model.getAttribute("problems");
        model.addAttribute("problems", flashed == null ? List.of() : ProblemMessages.localize(flashed, messages, LocaleContextHolder.getLocale()));
        boolean insider = actor.maySeeUnpublishedOf(view.departmentCode());
        VersionView shown = view.pending() != null ? view.pending() : view.published();
        List<MountedResource> mounted = insider ? mounts.list(actor, view.resourceCode()) : List.of();
        List<HistoryRecord> history = insider ? entries.history(actor, view.resourceCode()) : List.of();
        model.addAttribute("entry", view);
        model.addAttribute("shown", shown);
        model.addAttribute("mounts", mounted);
        model.addAttribute("history", history.reversed().stream()
                .map(h -> new HistoryLine(h, HistoryChanges.of(h.changes()))).toList());
        model.addAttribute("departmentName", departments.find(view.departmentCode()).map(d -> d.name()).orElse(view.departmentCode()));
        model.addAttribute("actions", Actions.of(actor, view));
    }

    /** One history record with its changes itemised, newest first on the page. */
    public record HistoryLine(HistoryRecord record, List<HistoryChanges.Change> changes) {
    }

    /** The lifecycle steps this user may take on the entry now. */
    public record Actions(boolean edit, boolean submit, boolean retire, boolean review, boolean apply) {

        static Actions of(Actor actor, CatalogEntryView view) {
            boolean editor = actor.mayEditFor(view.departmentCode());
            EntryStatus pending = view.pending() == null ? null : view.pending().status();
            boolean retired = view.status() == EntryStatus.RETIRED;
            return new Actions(editor && !retired && pending != EntryStatus.SUBMITTED,
                    editor && pending == EntryStatus.DRAFT,
                    editor && !retired,
                    (actor.has(Role.REVIEWER) || actor.isAdmin()) && pending == EntryStatus.SUBMITTED,
                    // another department's editor applies for it for one of her consuming systems (console.sharing)
                    view.published() != null && !retired && (actor.isAdmin()
                            || actor.has(Role.DEPT_EDITOR) && !view.departmentCode().equals(actor.departmentCode())));
        }

        public boolean any() {
            return edit || submit || retire || review || apply;
        }
    }

    @GetMapping("/console/catalog/new")
    String newEntry(Actor actor, Model model) {
        if (!actor.has(Role.DEPT_EDITOR) && !actor.isAdmin()) {
            throw RegistryException.forbidden("Only department editors and admins catalogue entries");
        }
        return form(model, EntryForm.blank(), null, List.of());
    }

    @PostMapping("/console/catalog/new")
    String create(Actor actor, @ModelAttribute("form") EntryForm form, @RequestParam(required = false) String addItem,
                  @RequestParam(required = false) Integer removeItem, @RequestParam(required = false) String submit,
                  Model model, RedirectAttributes redirect) {
        if (addItem != null || removeItem != null) {
            return rearranged(form, addItem, removeItem, model, null);
        }
        form.dropBlankRows();
        List<FieldProblem> problems = new ArrayList<>();
        var draft = form.toDraft(problems);
        CatalogEntryView created;
        try {
            if (!problems.isEmpty()) {
                return form(model, form, null, problems);
            }
            created = entries.create(actor, draft);
        } catch (RegistryException e) {
            return refusedForm(e, form, null, problems, model);
        }
        return afterSave(actor, created, submit != null, redirect, "catalog.flash.created");
    }

    @GetMapping(ENTRY + "/edit")
    String edit(Actor actor, @PathVariable String prefix, @PathVariable String sequence, Model model) {
        CatalogEntryView view = entries.view(actor, prefix + "/" + sequence);
        if (!actor.mayEditFor(view.departmentCode())) {
            throw RegistryException.forbidden("Entry " + view.resourceCode() + " belongs to department " + view.departmentCode()
                    + "; only its department's editors and admins edit it");
        }
        VersionView shown = view.pending() != null ? view.pending() : view.published();
        return form(model, EntryForm.of(shown.content(), view.lockVersion()), view, List.of());
    }

    @PostMapping(ENTRY + "/edit")
    String update(Actor actor, @PathVariable String prefix, @PathVariable String sequence, @ModelAttribute("form") EntryForm form,
                  @RequestParam(required = false) String addItem, @RequestParam(required = false) Integer removeItem,
                  @RequestParam(required = false) String submit, Model model, RedirectAttributes redirect) {
        String code = prefix + "/" + sequence;
        CatalogEntryView view = entries.view(actor, code);
        if (addItem != null || removeItem != null) {
            return rearranged(form, addItem, removeItem, model, view);
        }
        form.dropBlankRows();
        List<FieldProblem> problems = new ArrayList<>();
        var draft = form.toDraft(problems);
        CatalogEntryView saved;
        try {
            if (!problems.isEmpty()) {
                return form(model, form, view, problems);
            }
            // without the version the form was opened at, a stale form would silently overwrite a newer edit
            saved = entries.update(actor, code, form.getLockVersion() == null ? -1 : form.getLockVersion(), draft);
        } catch (RegistryException e) {
            return refusedForm(e, form, view, problems, model);
        }
        return afterSave(actor, saved, submit != null, redirect, "catalog.flash.saved");
    }

    private String afterSave(Actor actor, CatalogEntryView saved, boolean submit, RedirectAttributes redirect, String message) {
        if (submit) {
            saved = entries.submit(actor, saved.resourceCode(), saved.lockVersion());
            message = "catalog.flash.submitted";
        }
        redirect.addFlashAttribute("flash", message);
        return "redirect:" + path(saved.resourceCode());
    }

    private String rearranged(EntryForm form, String addItem, Integer removeItem, Model model, CatalogEntryView view) {
        if (removeItem != null) {
            form.removeRow(removeItem);
        }
        if (addItem != null) {
            form.addRow();
        }
        return form(model, form, view, List.of());
    }

    private String refusedForm(RegistryException e, EntryForm form, CatalogEntryView view, List<FieldProblem> local, Model model) {
        if (e.code() == ErrorCode.CONCURRENT_MODIFICATION || e.code() == ErrorCode.INVALID_STATE) {
            model.addAttribute("refusal", e.code() == ErrorCode.CONCURRENT_MODIFICATION ? "catalog.form.changedMeanwhile" : null);
            model.addAttribute("refusalMessage", e.getMessage());
            return form(model, form, view, local);
        }
        if (e.fieldProblems().isEmpty()) {
            throw e;
        }
        // a length the form could not read is reported once, as the form found it, not again as missing
        Set<String> already = local.stream().map(FieldProblem::field).collect(Collectors.toSet());
        List<FieldProblem> all = new ArrayList<>(local);
        e.fieldProblems().stream().filter(p -> !already.contains(p.field())).forEach(all::add);
        return form(model, form, view, all);
    }

    private String form(Model model, EntryForm form, CatalogEntryView view, List<FieldProblem> problems) {
        if (form.getDataItems().isEmpty()) {
            form.addRow();
        }
        model.addAttribute("form", form);
        model.addAttribute("entry", view);
        model.addAttribute("problems", ProblemMessages.localize(problems, messages, LocaleContextHolder.getLocale()));
        model.addAttribute("resourceCategories", EntryEnums.ResourceCategory.values());
        model.addAttribute("formats", EntryEnums.ResourceFormat.values());
        model.addAttribute("shareTypes", EntryEnums.ShareType.values());
        model.addAttribute("shareModes", EntryEnums.ShareMode.values());
        model.addAttribute("openTypes", EntryEnums.OpenType.values());
        model.addAttribute("updateCycles", EntryEnums.UpdateCycle.values());
        model.addAttribute("itemTypes", EntryEnums.DataItemType.values());
        return "console/catalog/edit";
    }

    @PostMapping(ENTRY + "/submit")
    String submit(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                  @RequestParam(required = false) Integer lockVersion, RedirectAttributes redirect) {
        CatalogEntryView view = entries.submit(actor, prefix + "/" + sequence, lockVersion);
        redirect.addFlashAttribute("flash", "catalog.flash.submitted");
        return "redirect:" + path(view.resourceCode());
    }

    @PostMapping(ENTRY + "/retire")
    String retire(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                  @RequestParam(required = false) Integer lockVersion, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        CatalogEntryView view = entries.retire(actor, prefix + "/" + sequence, lockVersion, reason);
        redirect.addFlashAttribute("flash", "catalog.flash.retired");
        return "redirect:" + path(view.resourceCode());
    }

    @PostMapping(ENTRY + "/approve")
    String approve(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                    @RequestParam(required = false) Integer lockVersion, RedirectAttributes redirect) {
        CatalogEntryView view = entries.approve(actor, prefix + "/" + sequence, lockVersion);
        redirect.addFlashAttribute("flash", "catalog.flash.approved");
        return "redirect:" + path(view.resourceCode());
    }

    @PostMapping(ENTRY + "/reject")
    String reject(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                  @RequestParam(required = false) Integer lockVersion, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        String code = prefix + "/" + sequence;
        try {
            entries.reject(actor, code, lockVersion, reason);
        } catch (RegistryException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            // back to the entry with the problem beside the reason field
            redirect.addFlashAttribute("problems", e.fieldProblems());
            return "redirect:" + path(code);
        }
        redirect.addFlashAttribute("flash", "catalog.flash.rejected");
        return "redirect:" + path(code);
    }

    static String path(String resourceCode) {
        return "/console/catalog/entries/" + resourceCode;
    }
}
