package org.exchangehub.hub.security;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Hands a token to the decoder of the issuer it names; each of those verifies signature, issuer and claims, so the
 * unverified {@code iss} only picks which checks apply. A token of any other issuer is refused.
 */
final class IssuerRoutingJwtDecoder implements JwtDecoder {

    private final Map<String, JwtDecoder> byIssuer;

    IssuerRoutingJwtDecoder(Map<String, JwtDecoder> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("Malformed token: " + e.getMessage(), e);
        }
        JwtDecoder decoder = issuer == null ? null : byIssuer.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("Tokens of issuer " + issuer + " are not accepted here (trusted: " + byIssuer.keySet() + ")");
        }
        return decoder.decode(token);
    }
}
