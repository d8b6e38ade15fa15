package org.exchangehub.hub.console;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.exchangehub.catalog.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refusals and failures on console pages become pages (or, for an htmx request, a message in place), never the API's
 * JSON. Forms that can name the field at fault catch {@link RegistryException} themselves and show it beside the field.
 */
@ControllerAdvice(basePackages = "org.exchangehub.hub.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ConsoleModel frame;

    public ConsoleErrors(ConsoleModel frame) {
        this.frame = frame;
    }

    /** True for requests htmx made (they swap the answer into the page). */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    @ExceptionHandler(RegistryException.class)
    String refused(RegistryException e, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        frame.frame(model, request, locale);
        response.setStatus(e.code().httpStatus());
        model.addAttribute("status", e.code().httpStatus());
        model.addAttribute("code", e.code().name());
        model.addAttribute("message", e.getMessage());
        model.addAttribute("problems", e.fieldProblems());
        return isHtmx(request) ? "console/error :: message" : "console/error";
    }

    /** The portal session's token could not be refreshed (the Keycloak login ended): start a new login. */
    @ExceptionHandler(ClientAuthorizationException.class)
    String sessionEnded(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (isHtmx(request)) {
            response.setHeader("HX-Redirect", "/console");
            return null;
        }
        return "redirect:/console";
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    String denied(Exception e, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        frame.frame(model, request, locale);
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("code", "FORBIDDEN");
        model.addAttribute("message", e.getMessage());
        return isHtmx(request) ? "console/error :: message" : "console/error";
    }

    @ExceptionHandler({org.springframework.web.servlet.resource.NoResourceFoundException.class,
            org.springframework.web.server.ResponseStatusException.class})
    String status(Exception e, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        frame.frame(model, request, locale);
        int status = e instanceof org.springframework.web.ErrorResponse r ? r.getStatusCode().value() : 404;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("code", status == 404 ? "NOT_FOUND" : "BAD_REQUEST");
        model.addAttribute("message", e instanceof org.springframework.web.ErrorResponse r ? r.getBody().getDetail() : null);
        return isHtmx(request) ? "console/error :: message" : "console/error";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        frame.frame(model, request, locale);
        String incident = UUID.randomUUID().toString();
        log.error("Console page {} failed, incident {}", request.getRequestURI(), incident, e);
        response.setStatus(500);
        model.addAttribute("status", 500);
        model.addAttribute("code", "INTERNAL");
        model.addAttribute("incident", incident);
        return isHtmx(request) ? "console/error :: message" : "console/error";
    }
}
