package org.exchangehub.returnflow.quality;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.item.ServiceItemService;
import org.springframework.stereotype.Component;

/**
 * The registry's items and departments. Codes found once are remembered (items and departments are not deleted);
 * codes not found are asked again in the next batch, so a newly registered item passes at once.
 */
@Component
public class RegistryReferenceData implements ReferenceData {

    private final ServiceItemService items;
    private final DepartmentService departments;
    private final Set<String> knownItems = ConcurrentHashMap.newKeySet();
    private final Set<String> knownDepartments = ConcurrentHashMap.newKeySet();

    public RegistryReferenceData(ServiceItemService items, DepartmentService departments) {
        this.items = items;
        this.departments = departments;
    }

    @Override
    public Set<String> knownItems(Collection<String> itemCodes) {
        Set<String> unknown = new HashSet<>(itemCodes);
        unknown.removeAll(knownItems);
        if (!unknown.isEmpty()) {
            knownItems.addAll(items.known(unknown));
        }
        Set<String> known = new HashSet<>(itemCodes);
        known.retainAll(knownItems);
        return known;
    }

    @Override
    public Set<String> knownDepartments(Collection<String> departmentCodes) {
        for (String code : departmentCodes) {
            if (!knownDepartments.contains(code) && departments.exists(code)) {
                knownDepartments.add(code);
            }
        }
        Set<String> known = new HashSet<>(departmentCodes);
        known.retainAll(knownDepartments);
        return known;
    }
}
