package org.exchangehub.returnflow.quality;

/**
 * The quality rules (质检规则) a case record must pass before it is forwarded to the provincial case centre. Each has a
 * stable code (the enum name, used in the API, metrics and configuration) and a title in Chinese and English;
 * every failure names the field and says what was expected. {@link #OVERDUE} flags a record for red/yellow-card
 * supervision (指标3) without rejecting it.
 */
public enum QualityRule {
    UNREADABLE("记录无法解析", "The record cannot be read", true),
    REQUIRED_FIELD("必填字段缺失", "A required field is missing", true),
    INVALID_VALUE("字段值格式错误", "A field's value has the wrong format", true),
    UNKNOWN_CODE("代码不在代码表中", "A code is not in the source's code table", true),
    ITEM_UNKNOWN("事项编码不在事项清单中", "The item code is not a registered service item", true),
    DEPARTMENT_UNKNOWN("受理部门不存在", "The accepting department is not registered", true),
    ID_NUMBER_INVALID("公民身份号码无效（GB 11643）", "The resident ID number is invalid (GB 11643)", true),
    CREDIT_CODE_INVALID("统一社会信用代码无效（GB 32100）", "The unified social credit code is invalid (GB 32100)", true),
    REGION_CODE_INVALID("行政区划代码无效（GB/T 2260）", "The region code is invalid (GB/T 2260)", true),
    TIME_ORDER("办理环节时间顺序错误", "Stage times are out of order", true),
    TIME_IN_FUTURE("时间晚于当前时间", "A time lies in the future", true),
    STATUS_INCONSISTENT("办理状态与环节时间不一致", "The status contradicts the stage times", true),
    OVERDUE("超期办结（红黄牌督办）", "Completed after its deadline (red/yellow-card supervision)", false);

    private final String zh;
    private final String en;
    private final boolean rejects;

    QualityRule(String zh, String en, boolean rejects) {
        this.zh = zh;
        this.en = en;
        this.rejects = rejects;
    }

    public String code() {
        return name();
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Whether a record failing it is kept as a failure; false for flags (overdue). */
    public boolean rejects() {
        return rejects;
    }
}
