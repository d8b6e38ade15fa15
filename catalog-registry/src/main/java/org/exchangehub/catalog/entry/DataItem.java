package org.exchangehub.catalog.entry;

import org.exchangehub.catalog.entry.EntryEnums.DataItemType;

/**
 * One data item (信息项) of a resource.
 *
 * @param name        the item's name, e.g. 统一社会信用代码
 * @param code        a machine name the mounted resource uses for it, e.g. {@code tyshxydm}; may be null
 * @param type        its data type
 * @param length      its maximum length, where it has one
 * @param sensitive   whether consumers see it masked unless their grant allows it
 * @param description free text; may be null
 */
public record DataItem(String name, String code, DataItemType type, Integer length, boolean sensitive, String description)
        implements java.io.Serializable {
}
