package org.exchangehub.hub.console;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.department.DepartmentService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every console page shows in its frame: who is signed in, for which department, the language, and the links
 * to the same page in the other language.
 */
@ControllerAdvice(basePackages = "org.exchangehub.hub.console")
public class ConsoleModel {

    /** The signed-in user as the page shows them. */
    public record ConsoleUser(Actor actor, String departmentName) {

        public String name() {
            return actor.username();
        }

        public boolean is(String role) {
            return actor.roles().stream().anyMatch(r -> r.tokenName().equals(role));
        }
    }

    private final DepartmentService departments;

    public ConsoleModel(DepartmentService departments) {
        this.departments = departments;
    }

    /** Where the page's user is kept for an error page drawn after the handler failed. */
    private static final String USER_ATTRIBUTE = ConsoleModel.class.getName() + ".user";

    /**
     * Adds what the frame needs to the model of an exception handler's page: Spring does not run the
     * {@code @ModelAttribute} methods for those, and the layout would fail on the missing path. The user is the one
     * this request already resolved, or none when resolving them is what failed (the page then shows no user, rather
     * than failing again on the same token).
     */
    public void frame(org.springframework.ui.Model model, HttpServletRequest request, Locale locale) {
        model.addAttribute("user", request.getAttribute(USER_ATTRIBUTE));
        model.addAttribute("lang", language(locale));
        model.addAttribute("otherLanguageUrl", otherLanguageUrl(request, locale));
        model.addAttribute("query", query(request));
        model.addAttribute("path", path(request));
    }

    @ModelAttribute("user")
    ConsoleUser user(Actor actor, HttpServletRequest request) {
        String name = Optional.ofNullable(actor.departmentCode()).flatMap(departments::find).map(Department::name).orElse(null);
        ConsoleUser user = new ConsoleUser(actor, name);
        request.setAttribute(USER_ATTRIBUTE, user);
        return user;
    }

    @ModelAttribute("lang")
    String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh";
    }

    /** This page in the other language (the current query kept). */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request, Locale locale) {
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam(ConsoleConfiguration.LANGUAGE_PARAMETER, "en".equals(locale.getLanguage()) ? "zh-CN" : "en")
                .build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }

    @ModelAttribute("query")
    ConsoleQuery query(HttpServletRequest request) {
        return ConsoleQuery.of(request);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
