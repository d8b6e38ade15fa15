package org.exchangehub.hub.sso;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The hub's portal page ({@code /sso/}): who is signed in, the connected systems to open, and sign-out. A plain page
 * without scripts; the provincial portal itself links to {@code /sso/launch/{id}} the same way.
 */
@Controller
@ConditionalOnSso
public class PortalController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private final ConnectedSystems systems;

    public PortalController(ConnectedSystems systems) {
        this.systems = systems;
    }

    @GetMapping({"/sso", "/sso/"})
    public ResponseEntity<String> portal(OAuth2AuthenticationToken authentication, CsrfToken csrf) {
        OidcUser user = (OidcUser) authentication.getPrincipal();
        StringBuilder list = new StringBuilder();
        for (ConnectedSystem system : systems.all()) {
            list.append("<li><a href=\"/sso/launch/").append(HtmlUtils.htmlEscape(system.id())).append("\">")
                    .append(HtmlUtils.htmlEscape(system.name() == null ? system.id() : system.name())).append("</a> (")
                    .append(system.kind()).append(")</li>\n");
        }
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>统一门户 · portal</title></head><body>
                <h1>统一门户 · exchange hub portal</h1>
                <p id="user">已登录 · signed in as <b>%s</b> (%s)</p>
                <h2>连接的系统 · connected systems</h2>
                <ul id="systems">
                %s</ul>
                <form method="post" action="/sso/logout"><input type="hidden" name="%s" value="%s">
                <button type="submit">退出 · sign out</button></form>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(String.valueOf(user.getPreferredUsername())),
                HtmlUtils.htmlEscape(String.valueOf(user.getFullName())),
                list.isEmpty() ? "<li>none yet: POST /api/sso/systems</li>\n" : list,
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
    }

    @GetMapping("/sso/logged-out")
    public ResponseEntity<String> loggedOut() {
        return ResponseEntity.ok().contentType(HTML).body("""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>已退出 · signed out</title></head><body>
                <p id="logged-out">已退出 · You have signed out of the portal and every connected system.</p>
                <p><a href="/sso/">再次登录 · sign in again</a></p></body></html>
                """);
    }
}
