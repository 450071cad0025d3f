package modularityfixture.a.internal;

/** Public in Java, internal to module a. */
public class ASecret {

    public int value() {
        return 42;
    }
}
