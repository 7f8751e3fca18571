package org.stratumlab.report;

/**
 * One line of a {@link LineChart}, in data units.
 *
 * @param name its legend
 * @param color a CSS colour
 * @param dashed drawn dashed (the second run of a comparison)
 * @param xs the x values
 * @param ys the y values, as many as xs
 */
record Series(String name, String color, boolean dashed, double[] xs, double[] ys) {
    Series {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(
                    name + ": " + xs.length + " x values, " + ys.length + " y values");
        }
    }

    /** @return a copy drawn dashed, under another name */
    Series dashed(String newName) {
        return new Series(newName, color, true, xs, ys);
    }

    boolean isEmpty() {
        return xs.length == 0;
    }

    double maxX() {
        double max = 0;
        for (double x : xs) {
            max = Math.max(max, x);
        }
        return max;
    }

    double maxY() {
        double max = 0;
        for (double y : ys) {
            max = Math.max(max, y);
        }
        return max;
    }

    /** @return the smallest positive y, or +infinity if none */
    double minPositiveY() {
        double min = Double.POSITIVE_INFINITY;
        for (double y : ys) {
            if (y > 0) {
                min = Math.min(min, y);
            }
        }
        return min;
    }
}
