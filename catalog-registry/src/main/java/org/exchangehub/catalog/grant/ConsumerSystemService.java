package org.exchangehub.catalog.grant;

import static org.exchangehub.catalog.jooq.Tables.CONSUMER_SYSTEM;
import static org.exchangehub.catalog.jooq.Tables.DEPARTMENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.jooq.tables.records.ConsumerSystemRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/** The systems allowed to consume shared data, and which one a token acts for. */
@Service
public class ConsumerSystemService {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9\\-]{1,63}");

    private final DSLContext db;

    private final ApplicationEventPublisher domainEvents;

    public ConsumerSystemService(DSLContext db, ApplicationEventPublisher domainEvents) {
        this.db = db;
        this.domainEvents = domainEvents;
    }

    @Transactional
    public ConsumerSystem save(Actor actor, ConsumerSystem system) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Only hub admins register consuming systems");
        }
        String clientId = system.clientId() == null ? null : system.clientId().strip();
        List<FieldProblem> p = new ArrayList<>();
        if (system.id() == null || !ID.matcher(system.id()).matches()) {
            p.add(new FieldProblem("id", "expected 2 to 64 lower-case letters, digits or '-', starting with a letter, got '" + system.id() + "'"));
        }
        if (system.name() == null || system.name().isBlank()) {
            p.add(new FieldProblem("name", "required: the system's name"));
        } else if (system.name().strip().length() > 200) {
            p.add(new FieldProblem("name", "at most 200 characters"));
        }
        if (clientId == null || clientId.isEmpty()) {
            p.add(new FieldProblem("clientId", "required: the OAuth2 client id the system's tokens carry (azp)"));
        } else if (clientId.length() > 100) {
            p.add(new FieldProblem("clientId", "at most 100 characters"));
        }
        if (system.departmentCode() != null && !system.departmentCode().isBlank()
                && !db.fetchExists(DEPARTMENT, DEPARTMENT.CODE.eq(system.departmentCode()))) {
            p.add(new FieldProblem("departmentCode", "no department with code " + system.departmentCode()));
        }
        if (p.isEmpty()) {
            var clash = db.selectFrom(CONSUMER_SYSTEM).where(CONSUMER_SYSTEM.CLIENT_ID.eq(clientId))
                    .and(CONSUMER_SYSTEM.ID.ne(system.id())).fetchOptional();
            clash.ifPresent(c -> p.add(new FieldProblem("clientId", "client " + clientId + " already belongs to " + c.getId())));
        }
        if (!p.isEmpty()) {
            throw RegistryException.invalid(p);
        }
        String department = system.departmentCode() == null || system.departmentCode().isBlank() ? null : system.departmentCode();
        db.insertInto(CONSUMER_SYSTEM)
                .set(CONSUMER_SYSTEM.ID, system.id())
                .set(CONSUMER_SYSTEM.NAME, system.name().strip())
                .set(CONSUMER_SYSTEM.DEPARTMENT_CODE, department)
                .set(CONSUMER_SYSTEM.CLIENT_ID, clientId)
                .onConflict(CONSUMER_SYSTEM.ID).doUpdate()
                .set(CONSUMER_SYSTEM.NAME, system.name().strip())
                .set(CONSUMER_SYSTEM.DEPARTMENT_CODE, department)
                .set(CONSUMER_SYSTEM.CLIENT_ID, clientId)
                .execute();
        domainEvents.publishEvent(new ConsumerSystemChanged(system.id()));
        return new ConsumerSystem(system.id(), system.name().strip(), department, clientId);
    }

    public List<ConsumerSystem> list(Actor actor) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Only hub admins list consuming systems");
        }
        return db.selectFrom(CONSUMER_SYSTEM).orderBy(CONSUMER_SYSTEM.ID).fetch(ConsumerSystemService::view);
    }

    public Optional<ConsumerSystem> byClientId(String clientId) {
        return clientId == null ? Optional.empty()
                : db.selectFrom(CONSUMER_SYSTEM).where(CONSUMER_SYSTEM.CLIENT_ID.eq(clientId)).fetchOptional(ConsumerSystemService::view);
    }

    /** The consuming system the actor's token was issued to; refuses tokens of unregistered clients. */
    public ConsumerSystem of(Actor actor) {
        if (!actor.has(Role.CONSUMER)) {
            throw RegistryException.forbidden("Only consuming systems (role consumer) apply for shared data");
        }
        return byClientId(actor.clientId()).orElseThrow(() -> new RegistryException(ErrorCode.FORBIDDEN,
                actor.clientId() == null
                        ? "This token names no OAuth2 client (azp); only registered consuming systems apply for and use shared data"
                        : "OAuth2 client '" + actor.clientId() + "' is not a registered consuming system; ask a hub admin to register it"));
    }

    /** The consuming systems a person may apply for: those run by an editor's own department; every one for an admin. */
    public List<ConsumerSystem> applicableBy(Actor actor) {
        if (actor.isAdmin()) {
            return db.selectFrom(CONSUMER_SYSTEM).orderBy(CONSUMER_SYSTEM.ID).fetch(ConsumerSystemService::view);
        }
        if (!actor.has(Role.DEPT_EDITOR) || actor.departmentCode() == null) {
            return List.of();
        }
        return db.selectFrom(CONSUMER_SYSTEM).where(CONSUMER_SYSTEM.DEPARTMENT_CODE.eq(actor.departmentCode()))
                .orderBy(CONSUMER_SYSTEM.ID).fetch(ConsumerSystemService::view);
    }

    /**
     * The consuming system a person applies for: it must exist and be run by the editor's own department (admins may
     * apply for any). A missing or unknown id is the form's field {@code consumerSystemId}.
     */
    public ConsumerSystem forApplicant(Actor actor, String consumerSystemId) {
        if (!actor.isAdmin() && !actor.has(Role.DEPT_EDITOR)) {
            throw RegistryException.forbidden("Only a department's editors (for the systems their department runs) and admins "
                    + "apply on behalf of a consuming system");
        }
        if (consumerSystemId == null || consumerSystemId.isBlank()) {
            throw RegistryException.invalid(List.of(new FieldProblem("consumerSystemId",
                    "required: the consuming system that will call the resource")));
        }
        ConsumerSystem system = db.selectFrom(CONSUMER_SYSTEM).where(CONSUMER_SYSTEM.ID.eq(consumerSystemId.strip()))
                .fetchOptional(ConsumerSystemService::view)
                .orElseThrow(() -> RegistryException.invalid(List.of(new FieldProblem("consumerSystemId",
                        "no registered consuming system '" + consumerSystemId.strip() + "'"))));
        if (!actor.isAdmin() && (system.departmentCode() == null || !system.departmentCode().equals(actor.departmentCode()))) {
            throw RegistryException.forbidden("Consuming system " + system.id() + " is run by department "
                    + (system.departmentCode() == null ? "(none)" : system.departmentCode()) + "; only its editors and admins apply for it");
        }
        return system;
    }

    /** A legacy system's signing credential: its app key, the encrypted secret and the signature algorithm. */
    public record AppCredential(ConsumerSystem system, String appKey, String secretCiphertext, String algorithm) {

        /** Never with the ciphertext. */
        @Override
        public String toString() {
            return "AppCredential[system=" + system.id() + ", appKey=" + appKey + ", algorithm=" + algorithm + "]";
        }
    }

    /** Gives a system a (new) app key and encrypted secret; the old key stops working at once. */
    @Transactional
    public void setAppCredential(Actor actor, String systemId, String appKey, String secretCiphertext, String algorithm) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Only hub admins issue app keys");
        }
        int updated = db.update(CONSUMER_SYSTEM)
                .set(CONSUMER_SYSTEM.APP_KEY, appKey)
                .set(CONSUMER_SYSTEM.APP_SECRET_CIPHERTEXT, secretCiphertext)
                .set(CONSUMER_SYSTEM.SIGNATURE_ALGORITHM, algorithm)
                .where(CONSUMER_SYSTEM.ID.eq(systemId))
                .execute();
        if (updated == 0) {
            throw RegistryException.notFound("consuming system", systemId);
        }
        domainEvents.publishEvent(new ConsumerSystemChanged(systemId));
    }

    public Optional<AppCredential> byAppKey(String appKey) {
        return appKey == null ? Optional.empty()
                : db.selectFrom(CONSUMER_SYSTEM).where(CONSUMER_SYSTEM.APP_KEY.eq(appKey)).fetchOptional(r ->
                        new AppCredential(view(r), r.getAppKey(), r.getAppSecretCiphertext(), r.getSignatureAlgorithm()));
    }

    private static ConsumerSystem view(ConsumerSystemRecord r) {
        return new ConsumerSystem(r.getId(), r.getName(), r.getDepartmentCode(), r.getClientId());
    }
}
