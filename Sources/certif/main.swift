print("certif")
