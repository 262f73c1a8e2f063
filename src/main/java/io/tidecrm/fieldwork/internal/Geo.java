package io.tidecrm.fieldwork.internal;

/** Distances on the earth's surface, without a map service. */
final class Geo {

    /** The mean earth radius (IUGG), in metres. */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private Geo() {
    }

    /** The great-circle distance between two points by the haversine formula, in metres. */
    static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
