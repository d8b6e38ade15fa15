package org.exchangehub.hub.console.catalog;

import java.util.List;
import java.util.Set;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryViews.ReviewItem;
import org.exchangehub.hub.console.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewers' queue: every submitted version (new entries and revisions of published ones), oldest first unless
 * sorted otherwise, each approved or rejected in place; a rejection without a reason is refused beside its row.
 */
@Controller
public class CatalogReviewController {

    static final Set<String> SORTS = Set.copyOf(EntryService.REVIEW_SORTS);
    private static final String QUEUE = "/console/catalog/review";

    private final EntryService entries;
    private final DepartmentService departments;
    private final MessageSource messages;

    public CatalogReviewController(EntryService entries, DepartmentService departments, MessageSource messages) {
        this.messages = messages;
        this.entries = entries;
        this.departments = departments;
    }

    @GetMapping(QUEUE)
    String queue(Actor actor, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        ConsolePage.Request asked = ConsolePage.Request.of(page, size, sort, dir, SORTS, "submitted", true);
        PageResult<ReviewItem> queue = entries.reviewQueue(actor, asked.page(), asked.size(), asked.sort(), asked.ascending());
        model.addAttribute("queue", asked.of(queue.items(), queue.total()));
        model.addAttribute("departmentNames", CatalogSearchController.names(departments));
        // a refused rejection comes back here (flash attributes) with its row, problems and the reason typed
        @SuppressWarnings("unchecked")
        List<FieldProblem> flashed = (List<FieldProblem>) model.getAttribute("problems");
        model.addAttribute("problems", flashed == null ? List.of() : ProblemMessages.localize(flashed, messages, LocaleContextHolder.getLocale()));
        return "console/catalog/review";
    }

    @PostMapping(QUEUE + "/{prefix}/{sequence}/approve")
    String approve(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                   @RequestParam(required = false) Integer lockVersion, RedirectAttributes redirect) {
        String code = entries.approve(actor, prefix + "/" + sequence, lockVersion).resourceCode();
        redirect.addFlashAttribute("flash", "catalog.flash.approved");
        redirect.addFlashAttribute("flashCode", code);
        return "redirect:" + QUEUE;
    }

    @PostMapping(QUEUE + "/{prefix}/{sequence}/reject")
    String reject(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                  @RequestParam(required = false) Integer lockVersion, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String dir, RedirectAttributes redirect) {
        String code = prefix + "/" + sequence;
        try {
            entries.reject(actor, code, lockVersion, reason);
        } catch (RegistryException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            redirect.addFlashAttribute("failedCode", code);
            redirect.addFlashAttribute("problems", e.fieldProblems());
            redirect.addFlashAttribute("reason", reason);
            return "redirect:" + UriComponentsBuilder.fromPath(QUEUE).queryParamIfPresent("page", java.util.Optional.ofNullable(page))
                    .queryParamIfPresent("sort", java.util.Optional.ofNullable(sort))
                    .queryParamIfPresent("dir", java.util.Optional.ofNullable(dir)).encode().build().toUriString();
        }
        redirect.addFlashAttribute("flash", "catalog.flash.rejected");
        redirect.addFlashAttribute("flashCode", code);
        return "redirect:" + QUEUE;
    }
}
