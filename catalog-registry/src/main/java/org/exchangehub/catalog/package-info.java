/**
 * The resource-directory registry (政务数据资源目录): departments, service items, catalogue entries and their
 * lifecycle, mounted resources, coverage and search. This package holds the small shared kernel (the actor,
 * errors, pages, import reports); each feature lives in its own subpackage.
 */
package org.exchangehub.catalog;
