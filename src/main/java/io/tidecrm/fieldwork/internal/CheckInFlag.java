package io.tidecrm.fieldwork.internal;

/**
 * How a check-in's place compares with the customer's known location: within the radius; beyond it
 * (flagged); the first located check-in, which set the customer's location; no customer location and
 * a fix too inaccurate to set one (flagged); or no location at all, permission denied or none
 * reported (flagged, but allowed).
 */
enum CheckInFlag {
    WITHIN, FAR, LOCATION_SET, NO_REFERENCE, NO_LOCATION;

    boolean flagged() {
        return this == FAR || this == NO_REFERENCE || this == NO_LOCATION;
    }
}
