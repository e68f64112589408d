package org.hrmobility.kit.access;

/**
 * How the caller stands to the employee a file is about, by today's master data (R-ACC-1): the first that holds, in
 * this order. Only {@link #NONE} may not see the file.
 */
public enum Relation {
    /** The caller is the employee the file is about. */
    SELF,
    /** The employee's current line manager (and has the role). */
    LINE_MANAGER,
    /** The named deputy of the employee's current line manager, during the delegation's period (R-ACC-3). */
    DEPUTY,
    /** An HR case handler: sees every file. */
    CASE_HANDLER,
    /** Anyone else: the file does not exist for them (404). */
    NONE;

    public boolean maySee() {
        return this != NONE;
    }
}
