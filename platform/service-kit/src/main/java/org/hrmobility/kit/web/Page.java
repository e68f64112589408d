package org.hrmobility.kit.web;

import java.util.List;

/** One page of a list, as every list of the API answers it: the items, where they stand, and how many there are. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
