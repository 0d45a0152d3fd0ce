package org.dicelens.phantom;

/** What a phantom's classes are. */
public enum PhantomKind {
    /** Four classes: background (0), white matter (1), grey matter (2), lesion (3). */
    BRAIN,
    /** Two classes: background (0) and lesion (1); the image still shows the head's tissues. */
    LESION
}
