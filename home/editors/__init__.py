"""What the school's editors get from the admin: reviewed publishing in the reopening
section, the morning dashboard and the school's branding."""
