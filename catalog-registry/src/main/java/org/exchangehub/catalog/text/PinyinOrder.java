package org.exchangehub.catalog.text;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import org.jooq.Field;

/**
 * Chinese names in the order people look for them: by pinyin (阿克塞县 安徽 北京 敦煌 酒泉市), not by code point,
 * which scatters them. In SQL through the {@code pinyin} ICU collation (migration V5), in Java through the JDK's
 * Chinese collator, for lists sorted after they are read.
 */
public final class PinyinOrder {

    /** The collation migration V5 creates. */
    public static final String COLLATION = "pinyin";

    private PinyinOrder() {
    }

    /** The column as it sorts by pinyin. */
    public static Field<String> of(Field<String> name) {
        return name.collate(COLLATION);
    }

    /** Names by pinyin (a collator of its own each time: the JDK's compares one pair at a time). */
    public static Comparator<String> names() {
        return Collator.getInstance(Locale.SIMPLIFIED_CHINESE)::compare;
    }
}
