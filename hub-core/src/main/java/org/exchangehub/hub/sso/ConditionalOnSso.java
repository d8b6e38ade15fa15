package org.exchangehub.hub.sso;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Only when single sign-on has an issuer (the embedded Keycloak, HUB_OIDC_ISSUER or hub.sso.issuer-uri). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("'${hub.sso.issuer-uri:}' != ''")
public @interface ConditionalOnSso {
}
