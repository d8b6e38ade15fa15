package org.exchangehub.catalog.entry;

import static org.exchangehub.catalog.jooq.Tables.RESOURCE_CODE_SEQUENCE;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Hands out resource codes in the compiling guide's form: classification prefix, "/", a six-digit sequence per
 * prefix (3-01-02/000001). The counter row is updated atomically, so codes stay unique across hub nodes.
 */
@Component
class ResourceCodeAllocator {

    private final DSLContext db;

    ResourceCodeAllocator(DSLContext db) {
        this.db = db;
    }

    String next(String classificationCode) {
        return reserve(classificationCode, 1).get(0);
    }

    /** Reserves {@code count} consecutive codes under one prefix in one statement. */
    List<String> reserve(String classificationCode, int count) {
        int last = db.insertInto(RESOURCE_CODE_SEQUENCE)
                .set(RESOURCE_CODE_SEQUENCE.PREFIX, classificationCode)
                .set(RESOURCE_CODE_SEQUENCE.LAST_VALUE, count)
                .onConflict(RESOURCE_CODE_SEQUENCE.PREFIX)
                .doUpdate().set(RESOURCE_CODE_SEQUENCE.LAST_VALUE, RESOURCE_CODE_SEQUENCE.LAST_VALUE.plus(count))
                .returning(RESOURCE_CODE_SEQUENCE.LAST_VALUE)
                .fetchOne(RESOURCE_CODE_SEQUENCE.LAST_VALUE);
        List<String> codes = new ArrayList<>(count);
        for (int n = last - count + 1; n <= last; n++) {
            codes.add(format(classificationCode, n));
        }
        return codes;
    }

    static String format(String classificationCode, int sequence) {
        return classificationCode + "/" + String.format("%06d", sequence);
    }
}
