package modularityfixture.b;

import modularityfixture.a.internal.ASecret;

/** Module b reaching into a's internal package: a violation. */
public class BService {

    public int peek() {
        return new ASecret().value();
    }
}
