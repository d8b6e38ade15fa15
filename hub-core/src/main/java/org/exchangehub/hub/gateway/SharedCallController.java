package org.exchangehub.hub.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway: consuming systems call shared data by resource code and operation, never the provider directly.
 * The answer is always a JSON object, so the handler writes it itself: Spring MVC's choice of return-value handler
 * and its content negotiation over every message converter cost more than writing the JSON (10 % of the CPU of a
 * gateway load run). Refusals still go through the hub's problem answers.
 */
@RestController
@Tag(name = "Shared calls", description = "Call a granted resource through the hub")
public class SharedCallController {

    private final SharedCallService calls;
    private final ObjectMapper json;

    public SharedCallController(SharedCallService calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    @GetMapping("/api/shared/{prefix}/{sequence}/{operation}")
    @Operation(summary = "Call an operation of a granted resource; query parameters fill the operation's path or go on to the provider")
    @ApiResponse(responseCode = "200", description = "The granted data items, sensitive ones masked unless the grant unmasks them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    public void call(Actor actor, @PathVariable String prefix, @PathVariable String sequence, @PathVariable String operation,
                     @RequestParam Map<String, String> parameters,
                     @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                     HttpServletResponse response) throws IOException, HttpMediaTypeNotAcceptableException {
        requireJsonAcceptable(accept);
        Map<String, Object> data = calls.call(actor, prefix + "/" + sequence, operation, parameters);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), data);
    }

    /** A caller that accepts no JSON gets 406, as from any other endpoint of the API. */
    static void requireJsonAcceptable(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header [" + accept + "]: " + e.getMessage());
        }
        if (acceptable.stream().noneMatch(m -> m.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
    }
}
