package modularityfixture.a;

import modularityfixture.a.internal.ASecret;

public class AService {

    public int answer() {
        return new ASecret().value();
    }
}
