package org.exchangehub.returnflow.completeness;

import static org.exchangehub.returnflow.jooq.Tables.CASE_MANIFEST;
import static org.exchangehub.returnflow.jooq.Tables.CASE_MANIFEST_ENTRY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.returnflow.source.CaseSources;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores the sources' daily manifests; a manifest sent again for the same day replaces the earlier one. */
@Service
public class Manifests {

    private final DSLContext db;
    private final CaseSources sources;

    public Manifests(DSLContext db, CaseSources sources) {
        this.db = db;
        this.sources = sources;
    }

    /** Checks and stores a manifest; returns the number of case numbers (or the count) declared. */
    @Transactional
    public int record(Manifest m) {
        List<FieldProblem> problems = new ArrayList<>();
        if (m.sourceId() == null || sources.find(m.sourceId()).isEmpty()) {
            problems.add(new FieldProblem("source", "expected a configured source, one of "
                    + sources.all().stream().map(s -> s.id()).toList() + ", got " + m.sourceId()));
        }
        if (m.day() == null) {
            problems.add(new FieldProblem("day", "required: the day the records were sent, e.g. 2026-11-23"));
        }
        boolean listed = m.caseNumbers() != null && !m.caseNumbers().isEmpty();
        Set<String> numbers = new LinkedHashSet<>();
        if (listed) {
            for (int i = 0; i < m.caseNumbers().size(); i++) {
                String n = m.caseNumbers().get(i);
                if (n == null || n.isBlank()) {
                    problems.add(new FieldProblem("caseNumbers[" + i + "]", "expected a case number, got nothing"));
                } else {
                    numbers.add(n.strip());
                }
            }
        }
        if (!listed && (m.count() == null || m.count() < 0)) {
            problems.add(new FieldProblem("caseNumbers", "expected the case numbers sent, or a count (a number of 0 or more)"));
        }
        if (listed && m.count() != null && m.count() != numbers.size()) {
            problems.add(new FieldProblem("count", "expected " + numbers.size() + " (the distinct case numbers listed), got " + m.count()));
        }
        if (!problems.isEmpty()) {
            throw RegistryException.invalid(problems);
        }
        int declared = listed ? numbers.size() : m.count();
        db.deleteFrom(CASE_MANIFEST).where(CASE_MANIFEST.SOURCE_ID.eq(m.sourceId()), CASE_MANIFEST.DAY.eq(m.day())).execute();
        long id = db.insertInto(CASE_MANIFEST, CASE_MANIFEST.SOURCE_ID, CASE_MANIFEST.DAY, CASE_MANIFEST.DECLARED_COUNT,
                        CASE_MANIFEST.LISTED, CASE_MANIFEST.RECEIVED_AT)
                .values(m.sourceId(), m.day(), declared, listed, OffsetDateTime.now())
                .returningResult(CASE_MANIFEST.ID).fetchOne().value1();
        if (listed) {
            List<String> all = new ArrayList<>(numbers);
            for (int from = 0; from < all.size(); from += 5000) {
                var insert = db.insertInto(CASE_MANIFEST_ENTRY, CASE_MANIFEST_ENTRY.MANIFEST_ID, CASE_MANIFEST_ENTRY.CASE_NUMBER);
                for (String n : all.subList(from, Math.min(all.size(), from + 5000))) {
                    insert = insert.values(id, n);
                }
                insert.execute();
            }
        }
        return declared;
    }
}
