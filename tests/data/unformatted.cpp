// Deliberately not formatted: tst_format_rejects checks that the format check notices.
int  answer( ) {return 42 ;}
