package org.exchangehub.catalog.department;

import static org.exchangehub.catalog.jooq.Tables.DEPARTMENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.code.RegionCode;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments known to the registry. */
@Service
public class DepartmentService {

    private final DSLContext db;

    public DepartmentService(DSLContext db) {
        this.db = db;
    }

    /** Problems with a department's fields, empty when it may be saved. */
    public static List<FieldProblem> validate(Department d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.code() == null || d.code().isBlank()) {
            problems.add(new FieldProblem("code", "required: the department's 18-character unified social credit code"));
        } else {
            UnifiedSocialCreditCode.problem(d.code()).ifPresent(p -> problems.add(new FieldProblem("code", p)));
        }
        if (d.name() == null || d.name().isBlank()) {
            problems.add(new FieldProblem("name", "required: the department's name"));
        } else if (d.name().length() > 200) {
            problems.add(new FieldProblem("name", "at most 200 characters"));
        }
        if (d.regionCode() == null || d.regionCode().isBlank()) {
            problems.add(new FieldProblem("regionCode", "required: a 6-digit GB/T 2260 region code"));
        } else {
            RegionCode.problem(d.regionCode()).ifPresent(p -> problems.add(new FieldProblem("regionCode", p)));
        }
        return problems;
    }

    /** Creates or updates a department; returns true when it was new. */
    @Transactional
    public boolean save(Department d) {
        List<FieldProblem> problems = validate(d);
        if (!problems.isEmpty()) {
            throw RegistryException.invalid(problems);
        }
        int inserted = db.insertInto(DEPARTMENT)
                .set(DEPARTMENT.CODE, d.code())
                .set(DEPARTMENT.NAME, d.name())
                .set(DEPARTMENT.REGION_CODE, d.regionCode())
                .onConflict(DEPARTMENT.CODE).doNothing()
                .execute();
        if (inserted == 0) {
            db.update(DEPARTMENT)
                    .set(DEPARTMENT.NAME, d.name())
                    .set(DEPARTMENT.REGION_CODE, d.regionCode())
                    .set(DEPARTMENT.UPDATED_AT, OffsetDateTime.now())
                    .where(DEPARTMENT.CODE.eq(d.code()))
                    .execute();
        }
        return inserted == 1;
    }

    public Optional<Department> find(String code) {
        return db.selectFrom(DEPARTMENT).where(DEPARTMENT.CODE.eq(code))
                .fetchOptional(r -> new Department(r.getCode(), r.getName(), r.getRegionCode()));
    }

    public Department get(String code) {
        return find(code).orElseThrow(() -> RegistryException.notFound("department", code));
    }

    public boolean exists(String code) {
        return db.fetchExists(DEPARTMENT, DEPARTMENT.CODE.eq(code));
    }

    public List<Department> list() {
        return db.selectFrom(DEPARTMENT).orderBy(org.exchangehub.catalog.text.PinyinOrder.of(DEPARTMENT.NAME))
                .fetch(r -> new Department(r.getCode(), r.getName(), r.getRegionCode()));
    }
}
