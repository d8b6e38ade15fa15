package org.exchangehub.returnflow.quality;

import java.util.Collection;
import java.util.Set;

/** What the registry knows, for the rules that look things up: service items and departments. */
public interface ReferenceData {

    /** Which of these item codes are registered service items. */
    Set<String> knownItems(Collection<String> itemCodes);

    /** Which of these department codes are registered departments. */
    Set<String> knownDepartments(Collection<String> departmentCodes);
}
