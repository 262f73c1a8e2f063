package io.tidecrm.customer.internal;

import io.tidecrm.customer.CustomerType;

/** The ownership caps per type, and whether won customers count toward them. */
record CustomerRules(int capA, int capB, int capC, boolean countWon, long version) {

    int capFor(CustomerType type) {
        return switch (type) {
            case A -> capA;
            case B -> capB;
            case C -> capC;
        };
    }
}
