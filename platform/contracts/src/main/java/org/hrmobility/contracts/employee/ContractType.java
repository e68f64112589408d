package org.hrmobility.contracts.employee;

public enum ContractType {
    STATUTORY,
    CONTRACTUAL
}
