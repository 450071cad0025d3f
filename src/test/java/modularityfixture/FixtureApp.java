package modularityfixture;

/** Two modules, one reaching into the other's internals: what ModularityTest must refuse. */
@org.springframework.modulith.Modulithic
public class FixtureApp {
}
