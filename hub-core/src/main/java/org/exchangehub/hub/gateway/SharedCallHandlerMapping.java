package org.exchangehub.hub.gateway;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.handler.MatchableHandlerMapping;
import org.springframework.web.servlet.handler.RequestMatchResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds the gateway's handler before any other mapping is asked. Spring MVC looks a request's handler up twice (for
 * Spring Security's request matchers, then to dispatch), and a path with variables such as a shared call's is
 * matched against every mapping of the hub's hundred-odd API and console endpoints: 10 % of the JVM's CPU samples
 * in a gateway load run.
 * Here it is matched against the gateway's own mapping first; every other request costs one failed match more.
 * The controller stays an ordinary {@code @RestController}: the same argument resolvers, error handling and API docs.
 */
@Component
class SharedCallHandlerMapping implements MatchableHandlerMapping, Ordered, ApplicationContextAware, InitializingBean {

    private final RequestMappingHandlerMapping gateway = new RequestMappingHandlerMapping() {
        @Override
        protected boolean isHandler(Class<?> beanType) {
            return SharedCallController.class.isAssignableFrom(beanType);
        }
    };

    SharedCallHandlerMapping(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping all) {
        // matched, decoded and content-negotiated exactly as the application's own mapping would
        gateway.setPatternParser(all.getPatternParser());
        gateway.setContentNegotiationManager(all.getContentNegotiationManager());
        gateway.setUrlPathHelper(all.getUrlPathHelper());
        gateway.setOrder(getOrder());
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        gateway.setApplicationContext(context);
    }

    @Override
    public void afterPropertiesSet() {
        gateway.afterPropertiesSet();
    }

    @Override
    public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
        return gateway.getHandler(request);
    }

    @Override
    public boolean usesPathPatterns() {
        return gateway.usesPathPatterns();
    }

    @Override
    public PathPatternParser getPatternParser() {
        return gateway.getPatternParser();
    }

    @Override
    @SuppressWarnings("removal")
    public RequestMatchResult match(HttpServletRequest request, String pattern) {
        return gateway.match(request, pattern);
    }

    /** Ahead of the actuator's mappings (-100) and the application's (0). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
