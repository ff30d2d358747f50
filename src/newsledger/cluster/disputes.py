"""placeholder"""
def refresh_disputes(con, ids):
    return 0
