package org.hrmobility.redeployment.casefile;

/** Who did something: the token's subject and, for people, their employee id. */
public record Actor(String subject, String employeeId) {
}
