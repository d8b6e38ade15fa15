package org.exchangehub.catalog.entry;

/** Namespace for the small vocabularies of a catalogue entry (after GB/T 21063 and the 2017 compiling guide). */
public final class EntryEnums {

    private EntryEnums() {
    }

    /** 资源分类: 基础 / 主题 / 部门 resource; the first digit of the classification code. */
    public enum ResourceCategory {
        BASIC('1'), THEME('2'), DEPARTMENT('3');

        private final char classificationDigit;

        ResourceCategory(char classificationDigit) {
            this.classificationDigit = classificationDigit;
        }

        public char classificationDigit() {
            return classificationDigit;
        }
    }

    /** 资源格式 */
    public enum ResourceFormat { DATABASE, SPREADSHEET, FILE, IMAGE, STREAM, INTERFACE, OTHER }

    /** 共享类型 */
    public enum ShareType { UNCONDITIONAL, CONDITIONAL, NOT_SHARED }

    /** 共享方式 */
    public enum ShareMode { INTERFACE, TABLE_EXCHANGE, FILE }

    /** 开放类型 */
    public enum OpenType { OPEN, CONDITIONAL_OPEN, NOT_OPEN }

    /** 更新周期 */
    public enum UpdateCycle { REAL_TIME, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY }

    /** 信息项数据类型 */
    public enum DataItemType { STRING, INTEGER, DECIMAL, DATE, DATETIME, BOOLEAN, BINARY }
}
