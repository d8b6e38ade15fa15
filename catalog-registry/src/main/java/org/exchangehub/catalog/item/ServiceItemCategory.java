package org.exchangehub.catalog.item;

/** The two categories of government service items that catalogue coverage is measured for. */
public enum ServiceItemCategory {
    /** 依申请行政权力事项 */
    ADMINISTRATIVE_POWER,
    /** 公共服务事项 */
    PUBLIC_SERVICE
}
