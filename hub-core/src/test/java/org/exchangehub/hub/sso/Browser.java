package org.exchangehub.hub.sso;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * A browser without a screen: a real HTTP client with a cookie jar that follows every redirect itself, submits
 * Keycloak's login form when told to, and submits the hub's auto-submitting hand-over forms as a browser's script
 * would. It records every page it was served, so a test can say how many login forms the user saw.
 *
 * <p>Like browsers, it treats http://127.0.0.1 as a secure context: Keycloak marks its cookies {@code Secure} even over
 * plain HTTP on the loopback address, and browsers send those there (the JDK's cookie manager would not).
 */
final class Browser {

    /** A page the browser was served. */
    record Page(int status, URI uri, String body, HttpHeaders headers) {

        boolean isLoginForm() {
            return body.contains("id=\"kc-form-login\"");
        }

        String location() {
            return headers.firstValue("Location").orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + uri;
        }
    }

    private static final Pattern FORM = Pattern.compile("<form[^>]*?action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input[^>]*?name=\"([^\"]*)\"[^>]*?value=\"([^\"]*)\"[^>]*>",
            Pattern.CASE_INSENSITIVE);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new LoopbackSecureCookies(cookies))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Page> history = new ArrayList<>();

    /** Every page served so far, redirects included. */
    List<Page> history() {
        return List.copyOf(history);
    }

    long loginFormsServed() {
        return history.stream().filter(Page::isLoginForm).count();
    }

    /** GET, following redirects until a page is not a redirect or {@code stop} says so. */
    Page open(String url, Predicate<URI> stop) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()), stop);
    }

    Page open(String url) {
        return open(url, u -> false);
    }

    /** One GET with the cookie jar: no redirect followed, nothing recorded (benchmarks). */
    Page launch(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        return new Page(response.statusCode(), response.uri(), response.body(), response.headers());
    }

    /** Submits Keycloak's login form on {@code page} with a user name and password, following redirects. */
    Page logIn(Page page, String username, String password, Predicate<URI> stop) {
        if (!page.isLoginForm()) {
            throw new AssertionError("Not a login form: " + page);
        }
        Matcher form = FORM.matcher(page.body());
        while (form.find()) {
            if (form.group(0).contains("kc-form-login")) {
                Map<String, String> fields = new LinkedHashMap<>(hiddenFields(form.group(2)));
                fields.put("username", username);
                fields.put("password", password);
                return follow(post(resolve(page.uri(), HtmlUtils.htmlUnescape(form.group(1))), fields), stop);
            }
        }
        throw new AssertionError("No kc-form-login form on " + page);
    }

    /** Submits the first form of {@code page} (what the hub's hand-over page's script does), following redirects. */
    Page submitForm(Page page, Predicate<URI> stop) {
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("No form on " + page + ": " + page.body());
        }
        return follow(post(resolve(page.uri(), HtmlUtils.htmlUnescape(form.group(1))), hiddenFields(form.group(2))), stop);
    }

    /** The hidden fields of the first form on the page. */
    static Map<String, String> formFields(Page page) {
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("No form on " + page);
        }
        return hiddenFields(form.group(2));
    }

    static String formAction(Page page) {
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("No form on " + page);
        }
        return HtmlUtils.htmlUnescape(form.group(1));
    }

    Page post(String url, Map<String, String> fields, Predicate<URI> stop) {
        return follow(post(URI.create(url), fields), stop);
    }

    private HttpResponse<String> post(URI url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Map<String, String> hiddenFields(String formBody) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(formBody);
        while (input.find()) {
            fields.put(HtmlUtils.htmlUnescape(input.group(1)), HtmlUtils.htmlUnescape(input.group(2)));
        }
        return fields;
    }

    private Page follow(HttpResponse<String> response, Predicate<URI> stop) {
        for (int hops = 0; ; hops++) {
            Page page = new Page(response.statusCode(), response.uri(), response.body(), response.headers());
            history.add(page);
            if (response.statusCode() / 100 != 3 || page.location() == null) {
                return page;
            }
            URI next = resolve(response.uri(), page.location());
            if (stop.test(next) || hops > 20) {
                return page;
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI resolve(URI base, String location) {
        return base.resolve(location.replace(" ", "%20"));
    }

    /** Sends and stores cookies of http://127.0.0.1 as if it were https (browsers treat loopback as secure). */
    private static final class LoopbackSecureCookies extends CookieHandler {

        private final CookieManager delegate;

        LoopbackSecureCookies(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(secure(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            delegate.put(secure(uri), responseHeaders);
        }

        private static URI secure(URI uri) {
            if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost())) {
                return uri;
            }
            try {
                return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            } catch (URISyntaxException e) {
                return uri;
            }
        }
    }
}
