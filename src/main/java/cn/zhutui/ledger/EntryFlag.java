package cn.zhutui.ledger;

/** A possible duplicate: this entry looks like another (SAME_WORK) or shares a photo with it (SAME_PHOTO). */
public record EntryFlag(long entryId, String kind, long otherEntryId) {
}
