package org.geowall.run;

import java.nio.file.Path;
import org.geowall.verdict.SignatureSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The signatures a run classifies with: the built-in set, plus a user's file given with -Dsignatures=FILE. */
final class Signatures {

    private static final Logger log = LoggerFactory.getLogger(Signatures.class);

    private Signatures() {
    }

    static SignatureSet forRun(SessionSettings settings) {
        SignatureSet builtIn = SignatureSet.builtIn();
        if (settings.signatures().isEmpty()) {
            return builtIn;
        }
        SignatureSet user = SignatureSet.load(Path.of(settings.signatures().get()));
        log.info("Classifying with {} built-in and {} user signatures ({})", builtIn.signatures().size(),
                user.signatures().size(), settings.signatures().get());
        return builtIn.plus(user);
    }
}
